// The other half of cross-tu.test: callers of the acquire function in
// device.cpp.
#include "device.h"

int poll(Device &dev, int reg) {
  dev.acquire();
  if (reg < 0)
    return -1;
  int value = dev.read(reg);
  dev.release();
  return value;
}

int pollChecked(Device &dev, int reg) {
  dev.acquire();
  if (reg < 0) {
    dev.release();
    return -1;
  }
  int value = dev.read(reg);
  dev.release();
  return value;
}
