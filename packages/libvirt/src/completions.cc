#include "completions.h"

namespace nbh {

bool CanRunJs(Napi::Env env) {
  // Setting a property is refused (napi_pending_exception, or napi_cannot_run_js with Node-API 10)
  // as soon as the environment can no longer call into JS; creating the object is not.
  napi_value obj, undefined;
  if (napi_create_object(env, &obj) != napi_ok) return false;
  if (napi_get_undefined(env, &undefined) != napi_ok) return false;
  return napi_set_named_property(env, obj, "probe", undefined) == napi_ok;
}

void DeliverCompletion(Napi::Env env, Napi::Function, Channel*, Completion* c) {
  // env is null when the TSFN is finalized with completions still queued: free them unsettled.
  // The same when the environment is shutting down: its promises can no longer be observed.
  if (env != nullptr) {
    Napi::HandleScope scope(env);
    if (CanRunJs(env)) c->Settle(env);
  }
  delete c;
}

std::shared_ptr<Channel> Channel::Create(Napi::Env env) {
  auto ch = std::make_shared<Channel>();
  auto* holder = new ChannelPtr(ch);
  ch->tsfn_ = CompletionTsfn::New(
      env, "libvirt-completions", 0, 1, ch.get(),
      [](Napi::Env, ChannelPtr* h, Channel*) {
        {
          std::lock_guard<std::mutex> lock((*h)->mu_);
          (*h)->live_ = false;
        }
        delete h;
      },
      holder);
  ch->tsfn_.Unref(env);
  ch->live_ = true;
  return ch;
}

void Channel::Post(Completion* c) {
  bool queued;
  {
    std::lock_guard<std::mutex> lock(mu_);
    queued = live_ && tsfn_.NonBlockingCall(c) == napi_ok;
  }
  // Outside the lock: deleting a task can drop the last reference to a connection's state.
  if (!queued) delete c;
}

}  // namespace nbh
