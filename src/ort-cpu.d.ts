// `#ort-cpu` (package.json's imports) is onnxruntime-web's plain WASM build: its types are the package's.
declare module '#ort-cpu' {
  export * from 'onnxruntime-web';
}
