#include "task.h"

namespace nbh {

Napi::Promise Task::Run(Napi::Env env, const char* name, Work work, Done done, Failed failed) {
  // AsyncWorker deletes itself after OnOK/OnError (SuppressDestruct is not called).
  auto* task = new Task(env, name, std::move(work), std::move(done), std::move(failed));
  Napi::Promise promise = task->deferred_.Promise();
  task->Queue();
  return promise;
}

Task::Task(Napi::Env env, const char* name, Work work, Done done, Failed failed)
    : Napi::AsyncWorker(env, name),
      deferred_(Napi::Promise::Deferred::New(env)),
      work_(std::move(work)),
      done_(std::move(done)),
      failed_(std::move(failed)) {}

void Task::Execute() {
  status_ = work_();
  // Drop the work closure (and the references it holds, e.g. the connection state) on this
  // thread as soon as it is done, rather than waiting for the JS thread.
  work_ = nullptr;
}

void Task::OnOK() {
  Napi::Env env = Env();
  Napi::HandleScope scope(env);
  if (!status_.ok) {
    if (failed_) failed_(env);
    deferred_.Reject(status_.ToJs(env).Value());
    return;
  }
  deferred_.Resolve(done_ ? done_(env) : env.Undefined());
}

// Only reached if the AsyncWorker machinery itself fails (we never call SetError).
void Task::OnError(const Napi::Error& e) {
  if (failed_) failed_(Env());
  deferred_.Reject(e.Value());
}

}  // namespace nbh
