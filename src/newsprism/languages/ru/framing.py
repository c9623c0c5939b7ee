"""Russian framing variants: competing terms for each referent of resources/framing/lexicon.json."""

VARIANTS: dict[str, list[tuple[str, ...]]] = {
    'territory-control': [
        ('освобожд*', 'official'),
        ('освобод*', 'official'),
        ('зачист*', 'official'),
        ('отбил*', 'neutral'),
        ('вернул* контроль', 'neutral'),
        ('отвоев*', 'neutral'),
        ('оккупир*', 'critical'),
        ('оккупаци*', 'critical'),
        ('вторжени* в курск*', 'neutral'),
    ],
    'nk-soldiers': [
        ('геро*', 'official'),
        ('интернационалист*', 'official'),
        ('военнослужащ*', 'neutral'),
        ('солдат*', 'neutral'),
        ('войска', 'neutral'),
        ('военны*', 'neutral'),
        ('наёмник*', 'critical'),
        ('наемник*', 'critical'),
        ('пушечн* мяс*', 'critical'),
    ],
    'the-war': [
        ('специальн* военн* операци*', 'official'),
        ('СВО', 'official'),
        ('спецоперац*', 'official'),
        ('войн*', 'neutral'),
        ('конфликт*', 'neutral'),
        ('боев* действи*', 'neutral'),
        ('вторжени*', 'critical'),
        ('агресси*', 'critical'),
    ],
    'kyiv-government': [
        ('киевск* режим*', 'official'),
        ('неонацист*', 'official'),
        ('нацист*', 'official'),
        ('правительств* Украин*', 'neutral'),
        ('Киев*', 'neutral'),
    ],
    'nk-russia-ties': [
        ('боев* братств*', 'official'),
        ('братск*', 'official'),
        ('союз*', 'neutral'),
        ('сотрудничеств*', 'neutral'),
        ('ось', 'critical'),
        ('изго*', 'critical'),
    ],
    'casualties': [
        ('погиб* геро*', 'official'),
        ('пожертвова*', 'official'),
        ('погиб*', 'neutral'),
        ('потер*', 'neutral'),
        ('ранен*', 'neutral'),
        ('скрыва*', 'critical'),
        ('замалчива*', 'critical'),
    ],
    'nk-leader': [
        ('уважаем* товарищ*', 'official'),
        ('высш* руководител*', 'official'),
        ('лидер*', 'neutral'),
        ('председател*', 'neutral'),
        ('диктатор*', 'critical'),
    ],
}

SO_CALLED: list[str] = [r"самозван\w*", r"так называем\w*"]
