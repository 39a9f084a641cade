#include "processtablemodel.h"
