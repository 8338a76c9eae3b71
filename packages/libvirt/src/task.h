// Task: run one blocking libvirt job on a lane thread (lanes.h) and settle a Promise with the
// result through the environment's completion channel (completions.h).
//
// Every binding call goes through here so the JS thread never blocks on libvirt (a remote call
// to libvirtd is a socket round trip; some qemu jobs wait seconds). A call is written as two
// lambdas that share their result through captured shared_ptrs:
//   work  — runs on a lane thread; may call libvirt; returns a Status (error captured there,
//           because libvirt's last error is thread-local);
//   done  — runs on the JS thread after success; converts the captured result into a JS value.
// Neither may hold a JS value: a task can be deleted on a lane thread when its environment is
// gone. The Promise carries no deadline; the TS wrapper races it against one.
#pragma once

#include <functional>

#include <napi.h>

#include "completions.h"
#include "lanes.h"
#include "status.h"

namespace nbh {

class Task final : public Job, public Completion {
 public:
  using Work = std::function<Status()>;
  using Done = std::function<Napi::Value(Napi::Env)>;
  using Failed = std::function<void(Napi::Env)>;

  // Queues the task on `lane` and returns its Promise. `done` may be empty (resolves to
  // undefined). `failed`, if given, runs on the JS thread before the rejection (to undo
  // main-thread setup).
  static Napi::Promise Start(Napi::Env env, const LanePtr& lane, Work work, Done done = nullptr,
                             Failed failed = nullptr);

  void Execute() override;
  void Fail(Status why) override;
  void Settle(Napi::Env env) override;

 private:
  Task(Napi::Env env, ChannelPtr channel, Work work, Done done, Failed failed);

  Napi::Promise::Deferred deferred_;
  ChannelPtr channel_;
  Work work_;
  Done done_;
  Failed failed_;
  Status status_;
};

// A promise already settled with `status` (for calls that need no thread).
Napi::Promise Settled(Napi::Env env, const Status& status);

}  // namespace nbh
