#include "sessionfile.h"
