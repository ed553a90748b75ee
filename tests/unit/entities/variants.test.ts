import { describe, expect, it } from 'vitest'
import { oneSlip, OTHER_TYPOS, PERSON_TYPOS, variantOf } from '../../../src/main/services/entities/variants'

describe('variants of a confirmed name', () => {
  it('finds a hyphen for a space and the reverse', () => {
    expect(variantOf('Kim Jong-un', 'Kim Jong Un', PERSON_TYPOS)).toBe('spelling')
    expect(variantOf('surface to air missiles', 'surface-to-air missiles', OTHER_TYPOS)).toBe('spelling')
  })

  it('finds a typo in one word of a name of people when the others are right', () => {
    expect(variantOf('Kin Jong Un', 'Kim Jong Un', PERSON_TYPOS)).toBe('typo')
    expect(variantOf('Vladmir Putin', 'Vladimir Putin', PERSON_TYPOS)).toBe('typo')
    expect(variantOf("Kin Jong Un's", 'Kim Jong Un', PERSON_TYPOS)).toBe('typo')
  })

  it('finds no typo in two words at once, nor in the first letter', () => {
    expect(variantOf('Kin Jang Un', 'Kim Jong Un', PERSON_TYPOS)).toBeUndefined()
    expect(variantOf('Jim Jong Un', 'Kim Jong Un', PERSON_TYPOS)).toBeUndefined()
  })

  it('takes a demonym or a plural for no typo', () => {
    expect(variantOf('North Korean', 'North Korea', OTHER_TYPOS)).toBeUndefined()
    expect(variantOf('Russian', 'Russia', OTHER_TYPOS)).toBeUndefined()
    expect(variantOf('Koreas', 'Korea', OTHER_TYPOS)).toBeUndefined()
  })

  it('never confuses short names of one word', () => {
    expect(variantOf('Iraq', 'Iran', OTHER_TYPOS)).toBeUndefined()
    expect(variantOf('Iran', 'Iraq', OTHER_TYPOS)).toBeUndefined()
    expect(variantOf('Kin', 'Kim', PERSON_TYPOS)).toBeUndefined()
    expect(variantOf('Tainan', 'Taiwan', OTHER_TYPOS)).toBeUndefined()
  })

  it('accepts a swapped or changed letter in a long name of one word', () => {
    expect(variantOf('Isreal', 'Israel', OTHER_TYPOS)).toBeUndefined()
    expect(variantOf('Ukriane', 'Ukraine', OTHER_TYPOS)).toBe('typo')
    expect(variantOf('Ukrainee', 'Ukraine', OTHER_TYPOS)).toBeUndefined()
  })

  it('allows short words a slip only in the names of people', () => {
    expect(variantOf('White Horse', 'White House', OTHER_TYPOS)).toBeUndefined()
    expect(variantOf('Kirby Jonh', 'Kirby John', PERSON_TYPOS)).toBe('typo')
  })

  it('keeps the case rules: no variant all in lower case, none of an acronym', () => {
    expect(variantOf('kin jong un', 'Kim Jong Un', PERSON_TYPOS)).toBeUndefined()
    expect(variantOf('kin Jong Un', 'Kim Jong Un', PERSON_TYPOS)).toBeUndefined()
    expect(variantOf('DPRC', 'DPRK', OTHER_TYPOS)).toBeUndefined()
  })

  it('is no variant when it is the name as written', () => {
    expect(variantOf('Kim Jong Un', 'Kim Jong Un', PERSON_TYPOS)).toBeUndefined()
  })

  it('counts one slip: changed, swapped, added or dropped inside the word', () => {
    expect(oneSlip('kim', 'kin')).toBe(true)
    expect(oneSlip('israel', 'isreal')).toBe(true)
    expect(oneSlip('vladimir', 'vladmir')).toBe(true)
    expect(oneSlip('korea', 'korean')).toBe(false)
    expect(oneSlip('korea', 'corea')).toBe(false)
    expect(oneSlip('vladimir', 'vladmir', true)).toBe(false)
  })
})
