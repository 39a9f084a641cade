#include "outputdecoder.h"
