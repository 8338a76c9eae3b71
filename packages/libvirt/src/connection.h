// NativeConnection: the JS-visible object for one libvirt connection.
//
// Its methods are spread over files by topic (connection.cc: open/close/host facts;
// domains.cc; stats.cc; snapshots.cc; events.cc). Each method validates its arguments on the JS
// thread, then queues a Task on one of the connection's lanes (query or action, see lanes.h) that
// holds the shared ConnState, so a call in flight keeps the state alive even if the JS object is
// collected or close() runs meanwhile.
#pragma once

#include <napi.h>

#include "completions.h"
#include "conn_state.h"

namespace nbh {

class NativeConnection : public Napi::ObjectWrap<NativeConnection> {
 public:
  // Builds the class (stored per environment, see addon.cc).
  static Napi::Function Define(Napi::Env env);
  // open(uri: string, readOnly: boolean, dispatch: Function): Promise<NativeConnection>
  static Napi::Value Open(const Napi::CallbackInfo& info);

  explicit NativeConnection(const Napi::CallbackInfo& info);
  // A connection collected without close(): detaches on the JS thread (cheap) and hands the
  // teardown to the teardown lane, so the JS thread never blocks on libvirtd.
  ~NativeConnection() override;

 private:
  // connection.cc
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value IsAlive(const Napi::CallbackInfo& info);
  Napi::Value Hostname(const Napi::CallbackInfo& info);
  Napi::Value NodeInfo(const Napi::CallbackInfo& info);
  Napi::Value Capabilities(const Napi::CallbackInfo& info);
  Napi::Value DomainCapabilities(const Napi::CallbackInfo& info);
  Napi::Value LibVersion(const Napi::CallbackInfo& info);
  Napi::Value HypervisorVersion(const Napi::CallbackInfo& info);
  Napi::Value HypervisorType(const Napi::CallbackInfo& info);
  Napi::Value NodeMemoryStats(const Napi::CallbackInfo& info);
  Napi::Value NodeCpuStats(const Napi::CallbackInfo& info);
  // domains.cc
  Napi::Value ListAllDomains(const Napi::CallbackInfo& info);
  Napi::Value DomainXml(const Napi::CallbackInfo& info);
  Napi::Value DefineXml(const Napi::CallbackInfo& info);
  Napi::Value Undefine(const Napi::CallbackInfo& info);
  Napi::Value Start(const Napi::CallbackInfo& info);
  Napi::Value Shutdown(const Napi::CallbackInfo& info);
  Napi::Value Destroy(const Napi::CallbackInfo& info);
  Napi::Value Suspend(const Napi::CallbackInfo& info);
  Napi::Value Resume(const Napi::CallbackInfo& info);
  Napi::Value Reboot(const Napi::CallbackInfo& info);
  // stats.cc
  Napi::Value GetAllDomainStats(const Napi::CallbackInfo& info);
  // snapshots.cc
  Napi::Value ListSnapshots(const Napi::CallbackInfo& info);
  Napi::Value SnapshotXml(const Napi::CallbackInfo& info);
  Napi::Value CreateSnapshot(const Napi::CallbackInfo& info);
  Napi::Value RevertToSnapshot(const Napi::CallbackInfo& info);
  Napi::Value DeleteSnapshot(const Napi::CallbackInfo& info);
  // events.cc
  Napi::Value SetLifecycleEvents(const Napi::CallbackInfo& info);

  StatePtr st_;
};

// Per-environment data: the class constructor, so Open can instantiate it, and the channel that
// brings completed tasks back to this environment's JS thread.
struct AddonData {
  Napi::FunctionReference connectionClass;
  ChannelPtr channel;
};

// Argument helpers: on a type mismatch they throw a TypeError (pending JS exception) and
// return false; the caller then returns undefined immediately.
bool ArgString(const Napi::CallbackInfo& info, size_t i, const char* what, std::string* out);
bool ArgUint(const Napi::CallbackInfo& info, size_t i, const char* what, unsigned int* out);

}  // namespace nbh
