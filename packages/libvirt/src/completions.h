// Completions: how finished jobs get back to the JS thread. One channel per JS environment (a
// ThreadSafeFunction created at module init), shared by every call of every connection.
//
// Lifetime rules:
// - The channel's TSFN is unref'd: it never keeps the process alive by itself. While a call is in
//   flight, the TS wrapper's deadline timer keeps it alive, so a hung call cannot hold a quitting
//   process past its deadline. (Direct users of the .node must keep their own handle alive.)
// - `live` is cleared by the TSFN finalizer (environment teardown), under `mu`. Post() checks it
//   under the same lock, so a completion arriving after that is deleted on its own thread and
//   never touches JS. Completions still queued in the TSFN at teardown are deleted unsettled.
// - While the environment shuts down, Node still runs TSFN callbacks (it drains libuv's handles)
//   but no longer lets JS run: any napi call that needs JS then fails, and node-addon-api turns
//   the failure into a fatal error. Callbacks therefore check CanRunJs first and, if not, free
//   what they carry without settling anything.
// - The channel itself is shared (AddonData, each in-flight task, the finalizer's holder), so it
//   outlives whichever goes last.
#pragma once

#include <memory>
#include <mutex>

#include <napi.h>

namespace nbh {

// Whether JS can still run in `env` (false once its teardown has begun). JS thread.
bool CanRunJs(Napi::Env env);

class Completion {
 public:
  virtual ~Completion() = default;
  // JS thread: settle the promise (resolve or reject). The channel deletes the completion after.
  virtual void Settle(Napi::Env env) = 0;
};

class Channel;
void DeliverCompletion(Napi::Env env, Napi::Function fn, Channel* ctx, Completion* c);
using CompletionTsfn = Napi::TypedThreadSafeFunction<Channel, Completion, DeliverCompletion>;

class Channel {
 public:
  // JS thread, once per environment (module init).
  static std::shared_ptr<Channel> Create(Napi::Env env);
  // Any thread; takes ownership of `c`.
  void Post(Completion* c);

 private:
  std::mutex mu_;
  bool live_ = false;
  CompletionTsfn tsfn_;
};

using ChannelPtr = std::shared_ptr<Channel>;

}  // namespace nbh
