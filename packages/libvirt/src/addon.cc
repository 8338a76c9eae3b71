// Module entry: exports open(), the NativeConnection class, libvirt's constants and debugCounts().
// Context-aware (per-environment data), so it also loads in worker threads and in Electron.
#include <libvirt/libvirt.h>
#include <napi.h>

#include "connection.h"
#include "event_loop.h"
#include "lanes.h"

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

// debugCounts(): { threads, queued, connections } — the binding's live worker threads (every
// environment), jobs waiting for one, and connection states still alive. Lets tests prove that
// closing or dropping connections leaves nothing running.
Napi::Value DebugCounts(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  LaneCounts lanes = CountLanes();
  Napi::Object o = Napi::Object::New(env);
  o.Set("threads", Napi::Number::New(env, lanes.threads));
  o.Set("queued", Napi::Number::New(env, lanes.queued));
  o.Set("connections", Napi::Number::New(env, CountStates()));
  return o;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  SilenceLibvirtErrors();
  Napi::Function cls = NativeConnection::Define(env);
  auto* data = new AddonData();
  data->connectionClass = Napi::Persistent(cls);
  data->channel = Channel::Create(env);
  env.SetInstanceData(data);  // deleted by node-addon-api when the environment goes away

  exports.Set("open", Napi::Function::New(env, NativeConnection::Open, "open"));
  exports.Set("NativeConnection", cls);
  exports.Set("libraryVersion", Napi::Function::New(env, LibraryVersion, "libraryVersion"));
  exports.Set("constants", Constants(env));
  exports.Set("debugCounts", Napi::Function::New(env, DebugCounts, "debugCounts"));
  return exports;
}

}  // namespace

}  // namespace nbh

// The macro pastes its argument into an identifier, so it needs an unqualified name.
static Napi::Object InitBinding(Napi::Env env, Napi::Object exports) { return nbh::Init(env, exports); }

NODE_API_MODULE(nbh_libvirt, InitBinding)
