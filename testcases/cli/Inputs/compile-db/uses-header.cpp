#include "locked-header.h"

void use_header() {
  header_suppressed();
  header_twice();
}
