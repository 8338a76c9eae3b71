#include "task.h"

#include "connection.h"

namespace nbh {

Napi::Promise Task::Start(Napi::Env env, const LanePtr& lane, Work work, Done done,
                          Failed failed) {
  ChannelPtr channel = env.GetInstanceData<AddonData>()->channel;
  auto* task = new Task(env, std::move(channel), std::move(work), std::move(done),
                        std::move(failed));
  Napi::Promise promise = task->deferred_.Promise();
  Submit(lane, task);  // from here on the lane (then the channel) owns the task
  return promise;
}

Task::Task(Napi::Env env, ChannelPtr channel, Work work, Done done, Failed failed)
    : deferred_(Napi::Promise::Deferred::New(env)),
      channel_(std::move(channel)),
      work_(std::move(work)),
      done_(std::move(done)),
      failed_(std::move(failed)) {}

void Task::Execute() {
  status_ = work_();
  // Drop the work closure (and the references it holds, e.g. the connection state) on this
  // thread as soon as it is done, rather than waiting for the JS thread.
  work_ = nullptr;
  ChannelPtr channel = channel_;  // Post may delete this task
  channel->Post(this);
}

void Task::Fail(Status why) {
  status_ = std::move(why);
  work_ = nullptr;
  ChannelPtr channel = channel_;
  channel->Post(this);
}

void Task::Settle(Napi::Env env) {
  if (!status_.ok) {
    if (failed_) failed_(env);
    deferred_.Reject(status_.ToJs(env).Value());
    return;
  }
  deferred_.Resolve(done_ ? done_(env) : env.Undefined());
}

Napi::Promise Settled(Napi::Env env, const Status& status) {
  auto d = Napi::Promise::Deferred::New(env);
  if (status.ok) {
    d.Resolve(env.Undefined());
  } else {
    d.Reject(status.ToJs(env).Value());
  }
  return d.Promise();
}

}  // namespace nbh
