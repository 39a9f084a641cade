#include "outputlog.h"
