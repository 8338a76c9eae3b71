// Status: the outcome of a libvirt call made on a worker thread, carried back to the JS thread.
//
// libvirt keeps its last error in thread-local storage, so the error must be read on the very
// thread that made the failing call (the lane thread running the task), copied into plain
// C++ strings, and only later turned into a JS value on the main thread.
#pragma once

#include <string>

#include <napi.h>

namespace nbh {

struct Status {
  bool ok = true;
  int code = 0;    // virErrorNumber (VIR_ERR_*)
  int domain = 0;  // virErrorDomain (VIR_FROM_*)
  int level = 0;   // virErrorLevel (VIR_ERR_WARNING / VIR_ERR_ERROR)
  std::string message;

  static Status Ok() { return Status{}; }
  // Copies (and clears) libvirt's thread-local last error. Call right after the failing API call.
  static Status FromLibvirt();
  // A failure the binding itself detects (closed connection, bad argument), shaped like a virError.
  static Status Error(int code, std::string message);
  // The connection was closed by close(); further calls are refused rather than touching freed state.
  static Status Closed();

  // A JS Error carrying code/domain/level; the TS wrapper turns it into a LibvirtError.
  Napi::Error ToJs(Napi::Env env) const;
};

// Clears libvirt's thread-local error after a failure we deliberately ignore (e.g. keepalive
// unsupported), so it cannot leak into the message of a later, unrelated failure on this thread.
void ClearLibvirtError();

}  // namespace nbh
