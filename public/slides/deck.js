// Starts the example deck (slides-example.html); Reveal is the global slides/reveal.js defines.
/* global Reveal */
new Reveal({ width: 1280, height: 720, hash: true }).initialize();
