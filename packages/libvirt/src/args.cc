// Argument validation shared by all methods. The TS wrapper already checks types; these guard
// against direct use of the .node (e.g. the leak driver) so bad input never reaches libvirt.
#include <cmath>
#include <string>

#include "connection.h"

namespace nbh {

bool ArgString(const Napi::CallbackInfo& info, size_t i, const char* what, std::string* out) {
  if (info.Length() <= i || !info[i].IsString()) {
    Napi::TypeError::New(info.Env(), std::string(what) + " must be a string")
        .ThrowAsJavaScriptException();
    return false;
  }
  *out = info[i].As<Napi::String>().Utf8Value();
  return true;
}

bool ArgUint(const Napi::CallbackInfo& info, size_t i, const char* what, unsigned int* out) {
  if (info.Length() <= i || info[i].IsUndefined()) {
    *out = 0;
    return true;
  }
  double v = info[i].IsNumber() ? info[i].As<Napi::Number>().DoubleValue() : -1;
  if (!(v >= 0 && v <= 4294967295.0) || std::floor(v) != v) {
    Napi::TypeError::New(info.Env(), std::string(what) + " must be an unsigned 32-bit integer")
        .ThrowAsJavaScriptException();
    return false;
  }
  *out = static_cast<unsigned int>(v);
  return true;
}

}  // namespace nbh
