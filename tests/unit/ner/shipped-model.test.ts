import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { configHash, PROJECT, TRAIN_CONFIG } from '../../../scripts/ner/config'
import { DATA_SETS } from '../../../scripts/ner/datasets'
import { modelPath } from '../../../src/main/services/ner/load-model'
import { recognise } from '../../../src/main/services/ner/recognise'
import { sharedModel } from '../../../src/main/services/ner/load-model'

describe('the shipped model', () => {
  it('is what npm run train:ner makes from its configuration, data and code', () => {
    expect(modelPath({})).toBe(join(PROJECT, 'resources', 'ner', 'model.bin.gz'))
    const files = TRAIN_CONFIG.sets.map((name) => DATA_SETS[name]!.file)
    expect(
      sharedModel().info.configHash,
      'resources/ner/model.bin.gz is not what the training code and data make now: run npm run train:ner and commit it',
    ).toBe(configHash(TRAIN_CONFIG, files))
  })

  it('ships a NOTICE naming every data set it was trained on', () => {
    const notice = readFileSync(join(PROJECT, 'resources', 'ner', 'NOTICE'), 'utf8')
    expect(
      sharedModel()
        .info.trainedOn.map((s) => s.name)
        .sort(),
    ).toEqual([...TRAIN_CONFIG.sets].sort())
    for (const s of ['Broad Twitter Corpus', 'wikigold', 'WNUT 2017', 're3d', 'Universal NER', 'GeoNames'])
      expect(notice).toContain(s)
    expect(notice).toContain(sharedModel().info.configHash)
  })

  it('is under 10 MB', () => {
    expect(readFileSync(modelPath({})).length).toBeLessThan(10_000_000)
  })
})

describe('recognise', () => {
  it('finds equipment by its designator or its listed name', () => {
    const text =
      'Russia sent T-72B3 tanks and Su-25 jets; Ukraine fired HIMARS and soldiers carried AK-47 rifles.'
    const equipment = recognise(text, { types: ['Equipment'] }).map((e) => e.text)
    expect(equipment).toEqual(['T-72B3', 'Su-25', 'HIMARS', 'AK-47'])
  })

  it('does not take a motorway or a virus for equipment', () => {
    expect(recognise('COVID-19 closed the M25 on Monday.', { types: ['Equipment'] })).toEqual([])
  })

  it('gives offsets into the text it was given, a type of Dossier and a score', () => {
    const text = '🚀 Kim Jong Un met Vladimir Putin in Vladivostok.'
    const found = recognise(text)
    for (const e of found) {
      expect(text.slice(e.start, e.end)).toBe(e.text)
      expect(e.score).toBeGreaterThan(0)
      expect(e.score).toBeLessThanOrEqual(1)
    }
    expect(found.map((e) => [e.text, e.type])).toEqual([
      ['Kim Jong Un', 'Person'],
      ['Vladimir Putin', 'Person'],
      ['Vladivostok', 'Location'],
    ])
    expect(found[0]!.start).toBe(3)
  })

  it('takes a demonym for no place, and keeps a listed place of the same form', () => {
    const found = recognise('Russian and Japanese officials met in Iran and Helsinki.', {
      types: ['Location'],
    })
    expect(found.map((e) => e.text)).toEqual(['Iran', 'Helsinki'])
  })

  it('keeps to the types asked for', () => {
    const found = recognise('Kim Jong Un met Vladimir Putin in Vladivostok.', { types: ['Location'] })
    expect(found.map((e) => e.text)).toEqual(['Vladivostok'])
  })
})
