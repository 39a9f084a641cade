#include "shellwords.h"
