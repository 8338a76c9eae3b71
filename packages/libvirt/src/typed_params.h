// Copies libvirt typed parameters (virTypedParameter arrays) into plain C++ values on the lane
// thread, and turns them into a JS object on the JS thread.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <libvirt/libvirt.h>
#include <napi.h>

namespace nbh {

struct Param {
  std::string key;
  // Integers of every width become double: the JS side wants numbers, and counters reach 2^53
  // (≈104 days of CPU nanoseconds) long after anything this app displays.
  std::variant<double, std::string, bool> value;
};
using Params = std::vector<Param>;

void CopyParams(const virTypedParameter* params, int n, Params* out);
Napi::Object ToJs(Napi::Env env, const Params& params);

}  // namespace nbh
