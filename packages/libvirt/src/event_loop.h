// The libvirt event loop: one per process, shared by every connection and every JS environment.
//
// libvirt delivers domain events, the connection close callback and keepalive pings only while
// someone runs its event loop. We register libvirt's default poll-based implementation once,
// before the first connection is opened (libvirt requires that order), and run it forever on a
// dedicated native thread. That thread never touches JS: callbacks it runs hand their data to a
// ThreadSafeFunction. It is detached and holds no libuv handle, so it never keeps Node alive.
#pragma once

#include <string>

namespace nbh {

// Idempotent and thread-safe. Returns false (with a reason) if libvirt refused the registration.
bool EnsureEventLoop(std::string* reason);

// Silences libvirt's default error handler, which prints every error to stderr; errors are
// reported to JS instead. Idempotent.
void SilenceLibvirtErrors();

}  // namespace nbh
