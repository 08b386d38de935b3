#include <mutex>

extern std::mutex first;
extern std::mutex second;
void take_second();
