import { copystackCopyFirst, copystackNew } from '@gosim/copystack';
import { gcNew } from '@gosim/gc';
import {
  getPiece, mixPolicy, parsePolicy, policies, policyIsNamed, policyName, PolicySpecError, registeredNames, registerPiece, allMixtures,
  type Piece,
} from '../src/index';

const renamed: Piece<'copystack'> = { ...copystackNew, name: 'registry-test-copy' };

describe('piece registry', () => {
  it('registers the stock pieces as old and new of every kind', () => {
    for (const k of ['deferpanic', 'traceback', 'gc', 'copystack'] as const) expect(registeredNames(k).slice(0, 2)).toEqual(['old', 'new']);
    expect(getPiece('copystack', 'new')).toBe(copystackNew);
  });

  it('the shipped history variant copy-first (later Go\'s copy-then-adjust order) is registered by its name', () => {
    expect(registeredNames('copystack')).toContain('copy-first');
    expect(parsePolicy('copystack=copy-first').copystack).toBe(copystackCopyFirst);
    expect(policyName(parsePolicy('copystack=copy-first'))).toBe('deferpanic=new,traceback=new,gc=new,copystack=copy-first');
  });

  it('parsePolicy resolves a registered variant name to that very object', () => {
    const p = registerPiece('copystack', renamed);
    expect(parsePolicy('copystack=registry-test-copy').copystack).toBe(p);
    expect(parsePolicy('copystack=registry-test-copy').gc).toBe(gcNew);
  });

  it('an unknown piece name is an error listing the registered names, never the stock piece', () => {
    expect(() => parsePolicy('copystack=nosuch')).toThrow(PolicySpecError);
    expect(() => parsePolicy('copystack=nosuch')).toThrow('policy item "copystack=nosuch": unknown copystack piece "nosuch": registered are old, new, copy-first, go1.13');
  });

  it('policyName shows each piece by its own name (a variant is not shown as new)', () => {
    registerPiece('copystack', renamed);
    expect(policyName(mixPolicy({ copystack: renamed }))).toBe('deferpanic=new,traceback=new,gc=new,copystack=registry-test-copy');
    expect(policyName(policies.new)).toBe('new');
    expect(policyName(policies.old)).toBe('old');
  });

  it('mixPolicy takes pieces or names; a piece of the wrong kind is refused', () => {
    const anon: Piece<'copystack'> = { ...copystackNew, name: 'unregistered' };
    const p = mixPolicy({ copystack: anon, gc: 'old' });
    expect(p.copystack).toBe(anon);
    expect(p.gc.name).toBe('old');
    expect(() => mixPolicy({ copystack: gcNew as unknown as Piece<'copystack'> })).toThrow('a gc piece cannot be the copystack piece');
  });

  it('policyIsNamed: false for an unregistered piece or one that shadows a registered name', () => {
    expect(policyIsNamed(policies.new)).toBe(true);
    expect(policyIsNamed(mixPolicy({ copystack: { ...copystackNew, name: 'unregistered' } }))).toBe(false);
    expect(policyIsNamed(mixPolicy({ copystack: { ...copystackNew } }))).toBe(false);
  });

  it('a different object under a taken name is refused; the same object again is fine', () => {
    expect(() => registerPiece('copystack', { ...copystackNew })).toThrow('a different copystack piece is already registered as "new"');
    expect(() => registerPiece('copystack', copystackNew)).not.toThrow();
    expect(() => registerPiece('gc', { ...copystackNew, name: 'x' } as unknown as Piece<'gc'>)).toThrow('want "gc"');
  });

  it('allMixtures takes extra names per axis: 2x2x2x3 rows', () => {
    registerPiece('copystack', renamed);
    const ms = allMixtures({ copystack: ['old', 'new', 'registry-test-copy'] });
    expect(ms).toHaveLength(24);
    expect(allMixtures()).toHaveLength(16);
    expect(ms[2]!.copystack).toBe(getPiece('copystack', 'registry-test-copy'));
  });
});
