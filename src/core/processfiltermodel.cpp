#include "processfiltermodel.h"
