#include "typed_params.h"

#include <cstring>

namespace nbh {

void CopyParams(const virTypedParameter* params, int n, Params* out) {
  out->reserve(out->size() + n);
  for (int i = 0; i < n; i++) {
    const virTypedParameter& p = params[i];
    Param q;
    q.key.assign(p.field, strnlen(p.field, VIR_TYPED_PARAM_FIELD_LENGTH));
    switch (p.type) {
      case VIR_TYPED_PARAM_INT: q.value = static_cast<double>(p.value.i); break;
      case VIR_TYPED_PARAM_UINT: q.value = static_cast<double>(p.value.ui); break;
      case VIR_TYPED_PARAM_LLONG: q.value = static_cast<double>(p.value.l); break;
      case VIR_TYPED_PARAM_ULLONG: q.value = static_cast<double>(p.value.ul); break;
      case VIR_TYPED_PARAM_DOUBLE: q.value = p.value.d; break;
      case VIR_TYPED_PARAM_BOOLEAN: q.value = p.value.b != 0; break;
      case VIR_TYPED_PARAM_STRING: q.value = std::string(p.value.s ? p.value.s : ""); break;
      default: continue;  // a type newer than this binding: skip rather than guess
    }
    out->push_back(std::move(q));
  }
}

Napi::Object ToJs(Napi::Env env, const Params& params) {
  Napi::Object o = Napi::Object::New(env);
  for (const Param& p : params) {
    Napi::Value v;
    if (const double* d = std::get_if<double>(&p.value)) {
      v = Napi::Number::New(env, *d);
    } else if (const std::string* s = std::get_if<std::string>(&p.value)) {
      v = Napi::String::New(env, *s);
    } else {
      v = Napi::Boolean::New(env, std::get<bool>(p.value));
    }
    o.Set(p.key, v);
  }
  return o;
}

}  // namespace nbh
