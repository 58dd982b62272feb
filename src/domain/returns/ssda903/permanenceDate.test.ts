import { describe, expect, it } from 'vitest';
import { dfePermanenceDate, readDfePermanenceDate } from './permanenceDate';
import { ssda903RuleByCode } from './rules/index';
import { scenario } from './rules/testChildren';

describe('DATE_PERM, the date of a previous permanence order (ssda903/rules-2024-25.csv 632)', () => {
  it("writes Hearth's full date, month or year with zz for what is not known", () => {
    expect(['2016-05-12', '2016-05', '2016', null].map(dfePermanenceDate)).toEqual(['12/05/2016', 'zz/05/2016', 'zz/zz/2016', 'zz/zz/zzzz']);
  });

  it('reads the DfE form, as the latest day it could be, and refuses what is not one', () => {
    expect(readDfePermanenceDate('12/05/2016')).toEqual({ latest: '2016-05-12' });
    expect(readDfePermanenceDate('zz/02/2024')).toEqual({ latest: '2024-02-29' });
    expect(readDfePermanenceDate('ZZ/ZZ/2016')).toEqual({ latest: '2016-12-31' });
    expect(readDfePermanenceDate('zz/zz/zzzz')).toEqual({ latest: null });
    expect(['05/zz/2016', 'zz/zz/16', '31/04/2016', 'zz/13/2016', '2016-05-12', 'xx/05/2016', '12/zz/zzzz'].map(readDfePermanenceDate)).toEqual([null, null, null, null, null, null, null]);
  });

  // The clean looked-after child's latest care began on 1 September 2023.
  const check632 = (DATE_PERM: string) => {
    const s = scenario('lac');
    Object.assign(s.t.previous_permanence[0]!, { PREV_PERM: 'P2', LA_PERM: '873', DATE_PERM });
    return ssda903RuleByCode('632')!.check(s.child, s.ctx).map((f) => f.code);
  };
  it.each(['31/08/2023', 'zz/08/2023', 'zz/zz/2022', 'zz/zz/zzzz', 'ZZ/05/2020'])('632 passes %s, before care began', (date) => {
    expect(check632(date)).toEqual([]);
  });
  it.each(['01/09/2023', 'zz/09/2023', 'zz/zz/2023', '05/zz/2020', '2020-05-12', '31/02/2020'])('632 fails %s: on or after care began, or not the DfE form', (date) => {
    expect(check632(date)).toEqual(['632']);
  });
});
