// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

export default defineConfig({
  site: 'http://localhost:4321',
  markdown: { remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] },
  integrations: [
    starlight({
      title: 'TOPS Lab',
      description: 'Understand, try and measure visual token pruning for multimodal LLMs.',
      // KaTeX's stylesheet and fonts are bundled from node_modules: no CDN request.
      customCss: ['katex/dist/katex.min.css'],
      sidebar: [
        { label: 'Start', items: [{ label: 'Overview', link: '/' }] },
      ],
    }),
    mdx(),
  ],
});
