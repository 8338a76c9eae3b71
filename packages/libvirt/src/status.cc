#include "status.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace nbh {

Status Status::FromLibvirt() {
  Status s;
  s.ok = false;
  // virGetLastError returns a pointer into thread-local storage owned by libvirt (nothing to free);
  // we copy the fields we need instead of virSaveLastError, which would allocate a copy to free.
  virErrorPtr err = virGetLastError();
  if (err == nullptr) {
    // A few APIs fail without setting an error (rare); still report something useful.
    s.code = VIR_ERR_INTERNAL_ERROR;
    s.domain = VIR_FROM_NONE;
    s.level = VIR_ERR_ERROR;
    s.message = "libvirt call failed without an error message";
    return s;
  }
  s.code = err->code;
  s.domain = err->domain;
  s.level = err->level;
  s.message = err->message != nullptr ? err->message : "unknown libvirt error";
  virResetLastError();
  return s;
}

Status Status::Error(int code, std::string message) {
  Status s;
  s.ok = false;
  s.code = code;
  s.domain = VIR_FROM_NONE;
  s.level = VIR_ERR_ERROR;
  s.message = std::move(message);
  return s;
}

Status Status::Closed() { return Error(VIR_ERR_INVALID_CONN, "the connection is closed"); }

Napi::Error Status::ToJs(Napi::Env env) const {
  Napi::Error e = Napi::Error::New(env, message);
  Napi::Object o = e.Value();
  o.Set("name", "LibvirtError");
  o.Set("code", Napi::Number::New(env, code));
  o.Set("domain", Napi::Number::New(env, domain));
  o.Set("level", Napi::Number::New(env, level));
  o.Set("libvirt", Napi::Boolean::New(env, true));
  return e;
}

void ClearLibvirtError() { virResetLastError(); }

}  // namespace nbh
