#include "event_loop.h"

#include <mutex>
#include <thread>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "status.h"

namespace nbh {

namespace {

std::once_flag g_once;
bool g_ok = false;
std::string g_reason;

void IgnoreError(void* /*userData*/, virErrorPtr /*error*/) {}

void RunForever() {
  for (;;) {
    // Blocks in poll() until a timer or fd fires, then dispatches the callbacks.
    if (virEventRunDefaultImpl() < 0) {
      // Should not happen; do not spin if it does.
      ClearLibvirtError();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

void Start() {
  SilenceLibvirtErrors();
  if (virEventRegisterDefaultImpl() < 0) {
    g_reason = Status::FromLibvirt().message;
    return;
  }
  // Detached: there is no way to stop virEventRunDefaultImpl cleanly, and a joinable
  // std::thread left at exit would call std::terminate. The OS reclaims it at process exit.
  std::thread(RunForever).detach();
  g_ok = true;
}

}  // namespace

bool EnsureEventLoop(std::string* reason) {
  std::call_once(g_once, Start);
  if (!g_ok && reason != nullptr) *reason = "libvirt event loop: " + g_reason;
  return g_ok;
}

void SilenceLibvirtErrors() {
  static std::once_flag once;
  std::call_once(once, [] { virSetErrorFunc(nullptr, IgnoreError); });
}

}  // namespace nbh
