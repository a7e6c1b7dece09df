// Vite's ?raw imports (the demo charts are bundled into the trainer as text).
declare module '*?raw' {
  const text: string;
  export default text;
}
