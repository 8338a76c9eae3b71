#include "completions.h"

namespace nbh {

void DeliverCompletion(Napi::Env env, Napi::Function, Channel*, Completion* c) {
  // env is null when the TSFN is finalized with completions still queued: free them unsettled.
  if (env != nullptr) {
    Napi::HandleScope scope(env);
    c->Settle(env);
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
