#include "joinoperation.h"
