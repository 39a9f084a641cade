#include "outputpane.h"
