// The form inside "Tag entity": the entity type (keys P/O/L/E/X) and its canonical name, suggested from the
// entities already in the workspace so that a typo in the article links to the right one.
import { Anchor, Autocomplete, Button, ColorSwatch, Group, Kbd, Radio, Stack, Text } from '@mantine/core'
import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { Entity, EntityType } from '../../shared/model'
import { dossier } from '../api/client'
import type { MentionTarget } from '../app/useAnnotationActions'
import { hasMod, isTypingTarget } from '../app/keyboard'
import { notifyError } from '../app/notify'
import { useEntityTypes } from '../entities/useEntityTypes'
import { entityCssColor, entityTypeColor } from './annotation-colors'
import { exactEntity, normaliseName, suggestEntities } from './entity-suggestions'

const CHOICES: { type: EntityType; key: string; code: string }[] = [
  { type: 'Person', key: 'P', code: 'KeyP' },
  { type: 'Organization', key: 'O', code: 'KeyO' },
  { type: 'Location', key: 'L', code: 'KeyL' },
  { type: 'Equipment', key: 'E', code: 'KeyE' },
  { type: 'Other', key: 'X', code: 'KeyX' },
]

interface TagEntityFormProps {
  quote: string
  onTag: (target: MentionTarget) => Promise<boolean>
  onCancel: () => void
}

export function TagEntityForm({ quote, onTag, onCancel }: TagEntityFormProps) {
  const types = useEntityTypes()
  /** The analyst's choice; until then, the type of the entity the selection already names, if any. */
  const [chosenType, setChosenType] = useState<EntityType | null>(null)
  const [name, setName] = useState(quote)
  const [entities, setEntities] = useState<Entity[]>([])
  const [busy, setBusy] = useState(false)
  /** The type the services know the name as (an entity, an alias, a suggestion); none for a new name. */
  const [knownType, setKnownType] = useState<EntityType | undefined>(undefined)

  useEffect(() => {
    let live = true
    dossier.entities.list().then(
      (list) => live && setEntities(list),
      (error: unknown) => notifyError(error, 'Could not load the known entities'),
    )
    dossier.entities.typeFor({ name: quote }).then(
      (known) => live && setKnownType(known.type),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [quote])

  // Never the type used last: a new name waits for the analyst to choose.
  const type: EntityType | undefined = chosenType ?? exactEntity(quote, entities)?.type ?? knownType

  const suggestions = useMemo(() => suggestEntities(name, entities, type), [name, entities, type])
  const byName = useMemo(() => new Map(suggestions.map((e) => [e.name, e])), [suggestions])
  const linked = type ? exactEntity(name, entities, type) : undefined
  const target: MentionTarget | undefined = !type
    ? undefined
    : linked && linked.type === type
      ? { type, entityId: linked.id }
      : { type, name: name.trim() }
  const closest = suggestions[0]
  const didYouMean =
    !target?.entityId && closest && normaliseName(closest.name) !== normaliseName(name) ? closest : undefined
  const choices =
    !type || CHOICES.some((c) => c.type === type) ? CHOICES : [...CHOICES, { type, key: '', code: '' }]

  function choose(next: EntityType) {
    setChosenType(next)
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault()
    if (!name.trim() || busy || !target) return
    setBusy(true)
    const ok = await onTag(target)
    if (!ok) setBusy(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    const typing = isTypingTarget(event.target)
    const letterAllowed = event.altKey ? !hasMod(event) : !typing && !hasMod(event)
    const choice = letterAllowed ? CHOICES.find((c) => c.code === event.nativeEvent.code) : undefined
    if (choice) {
      event.preventDefault()
      choose(choice.type)
    } else if (event.key === 'Enter' && (event.target as HTMLElement).getAttribute('role') === 'radio') {
      event.preventDefault()
      void submit()
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      <Stack gap="md">
        <Radio.Group label="Type" value={type ?? null} onChange={(value) => choose(value as EntityType)}>
          <Group gap={6} mt={6}>
            {choices.map((choice) => (
              <Radio.Card
                key={choice.type}
                value={choice.type}
                radius="md"
                px={10}
                py={6}
                w="auto"
                data-autofocus={choice.type === (type ?? CHOICES[0]!.type) || undefined}
              >
                <Group gap={6} wrap="nowrap" justify="center">
                  <ColorSwatch color={entityCssColor(choice.type)} size={10} withShadow={false} aria-hidden />
                  <Text size="sm" fw={choice.type === type ? 600 : 400}>
                    {choice.type}
                  </Text>
                  {choice.key && (
                    <Kbd size="xs" aria-hidden>
                      {choice.key}
                    </Kbd>
                  )}
                </Group>
              </Radio.Card>
            ))}
          </Group>
        </Radio.Group>

        <Autocomplete
          label="Name"
          description={
            !type ? (
              'Choose its type above: a name Dossier does not know yet has none.'
            ) : target?.entityId ? (
              `Links to the existing ${type.toLowerCase()} “${linked?.name}”.`
            ) : didYouMean ? (
              <>
                Creates a new {type.toLowerCase()}.{' '}
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  fw={600}
                  onClick={() => {
                    setName(didYouMean.name)
                    choose(didYouMean.type)
                  }}
                >
                  Did you mean “{didYouMean.name}” ({didYouMean.type.toLowerCase()})?
                </Anchor>
              </>
            ) : (
              `Creates a new ${type.toLowerCase()}. Correct a misspelling to link the canonical name.`
            )
          }
          value={name}
          onChange={setName}
          data={[...byName.keys()]}
          filter={({ options }) => options}
          onOptionSubmit={(value) => {
            const entity = byName.get(value)
            if (entity) choose(entity.type)
          }}
          renderOption={({ option }) => {
            const entity = byName.get(option.value)
            return (
              <Group gap={8} wrap="nowrap" justify="space-between" w="100%">
                <Text size="sm">{option.value}</Text>
                {entity && (
                  <Group gap={4} wrap="nowrap">
                    <ColorSwatch color={entityTypeColor(entity, types)} size={8} withShadow={false} />
                    <Text size="xs" c="dimmed">
                      {entity.type}
                    </Text>
                  </Group>
                )}
              </Group>
            )
          }}
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={220}
          spellCheck={false}
          autoComplete="off"
        />

        <Group justify="space-between" align="center">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">P</Kbd> <Kbd size="xs">O</Kbd> <Kbd size="xs">L</Kbd> <Kbd size="xs">E</Kbd>{' '}
            <Kbd size="xs">X</Kbd> choose the type (with <Kbd size="xs">Alt</Kbd> while typing)
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={!name.trim() || !type}>
              Tag
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  )
}
