// One half of cross-tu.test: the acquire and release functions.
#include "device.h"

void Device::acquire() { bus_mu_.lock(); }
void Device::release() { bus_mu_.unlock(); }
int Device::read(int reg) { return regs_[reg]; }
