// Which pruning methods can run on SmolVLM's tokens, and why not where they cannot: a method that
// reads an input the export does not give, or one that pools a single token grid while the tiles
// make several views. The engine refuses the same runs; this says so before the reader asks.
import { methodNeeds, resolveParams, type MethodSpec, type Params } from '../../core/index.ts';
import { SMOLVLM_MISSING_INPUTS } from '../../runtime/hub-model.ts';

/** Why `method` cannot run on SmolVLM's tokens; null when it can. `views`: the tokens form several views (tiles). */
export function unavailableReason(method: MethodSpec, params: Params, views: number): string | null {
  for (const need of methodNeeds(method, resolveParams(method, params))) {
    const why = SMOLVLM_MISSING_INPUTS[need];
    if (why !== undefined) return why;
  }
  if (method.usesGrid && views > 1) return `it pools one token grid, and at this tiles setting the tokens form ${views} views (tiles and the whole image); at 1 tile they form one grid`;
  return null;
}
