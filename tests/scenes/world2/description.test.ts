import { describe, expect, it } from 'vitest';
import { SceneError, parseScene, parseScene2, sampleScene, sampleScene2, sceneWorld } from '../../../src/scenes/index.ts';

describe('SynthScenes 2 descriptions', () => {
  it('carry world 2; first-world descriptions carry no world and still parse as before', () => {
    expect(sceneWorld(sampleScene2(1))).toBe(2);
    const first = sampleScene(1);
    expect(sceneWorld(first)).toBe(1);
    expect(parseScene(JSON.parse(JSON.stringify(first)))).toEqual(first);
    expect(() => parseScene2(first)).toThrow(SceneError);
    expect(() => sceneWorld({ world: 3 })).toThrow(/world/);
  });

  it('reject bad input with a typed error naming the field', () => {
    const scene = JSON.parse(JSON.stringify(sampleScene2(2)));
    const cases: [unknown, string][] = [
      [{ ...scene, textures: [{ ...scene.textures[0], period: 5 }] }, 'textures[0].period'],
      [{ ...scene, textures: [{ ...scene.textures[0], box: [10, 10, 5, 20] }] }, 'textures[0].box[2]'],
      [{ ...scene, objects: [{ kind: 'plate', color: 'red', glyph: 'q', scale: 2, cx: 5, cy: 5 }] }, 'objects[0].glyph'],
      [{ ...scene, objects: [{ kind: 'shape', shape: 'star', color: 'red', size: 'huge', cx: 5, cy: 5 }] }, 'objects[0].size'],
      [{ ...scene, objects: [{ kind: 'shape', shape: 'star', color: 'red', size: 'tiny', cx: 384, cy: 5 }] }, 'objects[0].cx'],
      [{ ...scene, objects: Array.from({ length: 41 }, () => scene.objects[0]) }, 'objects'],
    ];
    for (const [input, path] of cases) {
      try {
        parseScene2(input);
        throw new Error(`accepted ${path}`);
      } catch (e) {
        expect(e).toBeInstanceOf(SceneError);
        expect((e as SceneError).path).toBe(path);
      }
    }
  });
});
