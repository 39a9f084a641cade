#include "processmanager.h"
