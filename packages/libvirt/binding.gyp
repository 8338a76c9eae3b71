{
  "targets": [
    {
      "target_name": "nbh_libvirt",
      "sources": [
        "src/addon.cc",
        "src/args.cc",
        "src/completions.cc",
        "src/conn_state.cc",
        "src/connection.cc",
        "src/constants.cc",
        "src/domain_summary.cc",
        "src/domains.cc",
        "src/event_loop.cc",
        "src/events.cc",
        "src/lanes.cc",
        "src/snapshots.cc",
        "src/stats.cc",
        "src/status.cc",
        "src/task.cc",
        "src/typed_params.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "<!@(pkg-config --cflags-only-I libvirt | sed -e 's/-I//g')"
      ],
      "libraries": ["<!@(pkg-config --libs libvirt)"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS"],
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "cflags_cc!": ["-std=gnu++17"]
    }
  ]
}
