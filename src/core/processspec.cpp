#include "processspec.h"
