#include "signalnames.h"
