// Shared declarations of the two translation units of cross-tu.test.
#include <mutex>

class Device {
public:
  void acquire(); // holds bus_mu_ on return (device.cpp)
  void release(); // lets it go (device.cpp)
  int read(int reg);

private:
  std::mutex bus_mu_;
  int regs_[8] = {};
};
