// Module entry: exports open(), the NativeConnection class and libvirt's constants.
// Context-aware (per-environment data), so it also loads in worker threads and in Electron.
#include <libvirt/libvirt.h>
#include <napi.h>

#include "connection.h"
#include "event_loop.h"

namespace nbh {

Napi::Object Constants(Napi::Env env);

namespace {

// The libvirt library this process actually loaded (may differ from the headers we built with).
Napi::Value LibraryVersion(const Napi::CallbackInfo& info) {
  unsigned long v = 0;
  if (virGetVersion(&v, nullptr, nullptr) < 0) return info.Env().Null();
  return Napi::String::New(info.Env(), std::to_string(v / 1000000) + "." +
                                           std::to_string((v / 1000) % 1000) + "." +
                                           std::to_string(v % 1000));
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  SilenceLibvirtErrors();
  Napi::Function cls = NativeConnection::Define(env);
  auto* data = new AddonData();
  data->connectionClass = Napi::Persistent(cls);
  env.SetInstanceData(data);  // deleted by node-addon-api when the environment goes away

  exports.Set("open", Napi::Function::New(env, NativeConnection::Open, "open"));
  exports.Set("NativeConnection", cls);
  exports.Set("libraryVersion", Napi::Function::New(env, LibraryVersion, "libraryVersion"));
  exports.Set("constants", Constants(env));
  return exports;
}

}  // namespace

}  // namespace nbh

// The macro pastes its argument into an identifier, so it needs an unqualified name.
static Napi::Object InitBinding(Napi::Env env, Napi::Object exports) { return nbh::Init(env, exports); }

NODE_API_MODULE(nbh_libvirt, InitBinding)
