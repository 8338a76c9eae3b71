// Task: run one blocking libvirt job on libuv's thread pool and settle a Promise with the result.
//
// Every binding call goes through here so the JS thread never blocks on libvirt (a remote call
// to libvirtd is a socket round trip; some qemu jobs wait seconds). A call is written as two
// lambdas that share their result through captured shared_ptrs:
//   work  — runs on a pool thread; may call libvirt; returns a Status (error captured there,
//           because libvirt's last error is thread-local);
//   done  — runs on the JS thread after success; converts the captured result into a JS value.
#pragma once

#include <functional>

#include <napi.h>

#include "status.h"

namespace nbh {

class Task : public Napi::AsyncWorker {
 public:
  using Work = std::function<Status()>;
  using Done = std::function<Napi::Value(Napi::Env)>;
  using Failed = std::function<void(Napi::Env)>;

  // Queues the task and returns its Promise. `done` may be empty (resolves to undefined).
  // `failed`, if given, runs on the JS thread before the rejection (to undo main-thread setup).
  static Napi::Promise Run(Napi::Env env, const char* name, Work work, Done done = nullptr,
                           Failed failed = nullptr);

 private:
  Task(Napi::Env env, const char* name, Work work, Done done, Failed failed);
  void Execute() override;
  void OnOK() override;
  void OnError(const Napi::Error& e) override;

  Napi::Promise::Deferred deferred_;
  Work work_;
  Done done_;
  Failed failed_;
  Status status_;
};

}  // namespace nbh
