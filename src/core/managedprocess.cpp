#include "managedprocess.h"
