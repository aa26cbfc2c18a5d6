package eu.aiskills.academy.testsupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import eu.aiskills.academy.shared.Markdown;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A reproducible catalogue of generated courses in English, German and French for benchmarks:
 * titles, summaries, Markdown descriptions and lessons of the lengths real courses have, written
 * straight into the catalogue's tables (as a migration of an existing catalogue would).
 */
public final class GeneratedCourses {

    public static final String[] LEVELS = {"INTRODUCTORY", "INTERMEDIATE", "ADVANCED"};

    private static final String[][] TOPICS = {
            {"transformer models", "attention mechanisms", "gradient descent", "reinforcement learning", "computer vision",
                    "federated learning", "diffusion models", "retrieval-augmented generation", "tokenization", "GPU programming",
                    "supercomputer scheduling with Slurm", "model quantization", "fine-tuning language models", "model evaluation",
                    "fairness in machine learning", "privacy-preserving learning", "robot learning", "time series forecasting",
                    "graph neural networks", "explainable AI", "MLOps pipelines", "data engineering", "speech recognition",
                    "autonomous agents", "vector embeddings", "benchmarking accelerators", "energy-efficient training",
                    "scaling laws", "knowledge distillation", "medical imaging", "climate modelling with AI", "recommender systems"},
            {"Sprachmodelle", "neuronale Netze", "Bildverarbeitung", "Datenschutz beim Lernen", "Verstärkungslernen",
                    "Erklärbarkeit", "Wissensgraphen", "Feinabstimmung großer Modelle", "Hochleistungsrechnen", "Zeitreihenanalyse",
                    "Robotik", "Spracherkennung", "Beschleuniger und Grafikprozessoren", "Modellbewertung", "Datenaufbereitung",
                    "Empfehlungssysteme", "medizinische Bildgebung", "Klimamodelle", "generative Modelle", "Fairness von Algorithmen"},
            {"apprentissage profond", "réseaux de neurones", "vision par ordinateur", "modèles de langage",
                    "apprentissage par renforcement", "confidentialité des données", "supercalculateurs", "explicabilité",
                    "séries temporelles", "robotique", "agents autonomes", "évaluation des modèles", "quantification des modèles",
                    "ajustement fin", "imagerie médicale", "systèmes de recommandation", "traitement du langage naturel",
                    "modèles génératifs", "calcul haute performance", "équité algorithmique"}};
    private static final String[][] FILLERS = {
            {"learners", "practise", "with", "real", "data", "and", "the", "course", "explains", "how", "to", "build", "measure",
                    "deploy", "compare", "methods", "on", "a", "cluster", "notebook", "exercises", "show", "why", "results", "differ",
                    "between", "models", "we", "discuss", "limits", "costs", "and", "trade-offs", "in", "European", "projects"},
            {"die", "Teilnehmenden", "üben", "mit", "echten", "Daten", "und", "der", "Kurs", "erklärt", "wie", "man", "Modelle",
                    "baut", "misst", "vergleicht", "auf", "einem", "Rechner", "Übungen", "zeigen", "warum", "Ergebnisse",
                    "sich", "unterscheiden", "wir", "besprechen", "Grenzen", "Kosten", "in", "europäischen", "Projekten"},
            {"les", "participants", "pratiquent", "avec", "des", "données", "réelles", "et", "le", "cours", "explique",
                    "comment", "construire", "mesurer", "déployer", "comparer", "des", "méthodes", "sur", "un", "calculateur",
                    "les", "exercices", "montrent", "pourquoi", "les", "résultats", "diffèrent", "nous", "discutons", "limites",
                    "coûts", "dans", "des", "projets", "européens"}};
    private static final String[] LANGUAGES = {"en", "de", "fr"};
    private static final String[][] TITLE_FORMS = {
            {"Introduction to %s", "%s in practice", "Advanced %s", "%s for researchers", "Hands-on %s"},
            {"Einführung in %s", "%s in der Praxis", "Fortgeschrittene %s", "%s für Forschende"},
            {"Introduction aux %s", "Les %s en pratique", "%s avancés", "%s pour chercheurs"}};

    /** What was generated: the ids of the courses and their slugs. */
    public record Loaded(List<UUID> ids, List<String> slugs, long lessons, long characters) {
    }

    private GeneratedCourses() {
    }

    /** Inserts {@code count} published courses with {@code lessonsPerCourse} lessons each. */
    public static Loaded insert(JdbcTemplate jdbc, int count, int lessonsPerCourse, long seed) {
        Random random = new Random(seed);
        List<UUID> ids = new ArrayList<>(count);
        List<String> slugs = new ArrayList<>(count);
        long lessons = 0;
        long characters = 0;
        Timestamp now = Timestamp.from(Instant.now());
        int batch = 1000;
        for (int start = 0; start < count; start += batch) {
            List<Object[]> courseRows = new ArrayList<>();
            List<Object[]> lessonRows = new ArrayList<>();
            for (int n = start; n < Math.min(count, start + batch); n++) {
                int language = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
                String topic = pick(random, TOPICS[language]);
                String second = pick(random, TOPICS[language]);
                String title = limit(String.format(pick(random, TITLE_FORMS[language]), capitalise(topic)) + " " + (n + 1), 200);
                String summary = limit(capitalise(topic) + ": " + sentence(random, language, 25 + random.nextInt(35), second), 600);
                String description = "## " + capitalise(second) + "\n\n" + sentence(random, language, 60 + random.nextInt(120), topic)
                        + "\n\n- " + capitalise(topic) + "\n- " + capitalise(second) + "\n\n" + sentence(random, language, 30, topic);
                UUID id = UUID.nameUUIDFromBytes(("bench-course-" + seed + "-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                String slug = "bench-" + n;
                ids.add(id);
                slugs.add(slug);
                courseRows.add(new Object[]{id.toString(), slug, title, summary, description, Markdown.toPlainText(description),
                        LEVELS[random.nextInt(3)],
                        LANGUAGES[language], 2 + random.nextInt(60), now, now});
                characters += title.length() + summary.length() + description.length();
                for (int l = 1; l <= lessonsPerCourse; l++) {
                    String lessonTopic = pick(random, TOPICS[language]);
                    String body = "# " + capitalise(lessonTopic) + "\n\n" + sentence(random, language, 90 + random.nextInt(160), topic)
                            + "\n\n```python\nimport torch\nprint(torch.cuda.is_available())\n```\n\n"
                            + sentence(random, language, 40 + random.nextInt(60), lessonTopic);
                    lessonRows.add(new Object[]{UUID.randomUUID().toString(), id.toString(), "lesson-" + l, l,
                            limit(capitalise(lessonTopic) + " " + l, 200), body, Markdown.toPlainText(body), 10 + random.nextInt(50)});
                    characters += body.length();
                    lessons++;
                }
            }
            jdbc.batchUpdate("""
                    INSERT INTO course (id, slug, title, summary, description_md, description_text, level, language, workload_hours,
                                        ects, status, content_hash, created_at, updated_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'PUBLISHED', NULL, ?, ?, 1)""", courseRows);
            jdbc.batchUpdate("""
                    INSERT INTO lesson (id, course_id, slug, position, title, body_md, body_text, minutes)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", lessonRows);
        }
        return new Loaded(ids, slugs, lessons, characters);
    }

    private static String sentence(Random random, int language, int words, String topic) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(i % 14 == 0 ? ". " : " ");
            }
            // One word in 30 names the course's topic, one in 120 another topic.
            int dice = random.nextInt(60);
            text.append(dice < 2 ? topic : dice == 2 && random.nextBoolean() ? pick(random, TOPICS[language])
                    : VOCABULARIES[language].next(random));
        }
        return capitalise(text.append('.').toString());
    }

    /**
     * Words with the frequencies of natural language (Zipf's law): function words most often,
     * then the domain's words, then a long tail of rarer words, so that common words are in
     * every text and most others in few, as in real course text.
     */
    private static final class Vocabulary {

        private final String[] words;
        private final double[] cumulative;

        Vocabulary(String[] common, String[] domain, String[] syllables, long seed) {
            Random random = new Random(seed);
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(List.of(common));
            all.addAll(List.of(domain));
            while (all.size() < 8_000) {
                StringBuilder word = new StringBuilder();
                for (int s = 2 + random.nextInt(3); s > 0; s--) {
                    word.append(syllables[random.nextInt(syllables.length)]);
                }
                all.add(word.toString());
            }
            words = all.toArray(String[]::new);
            cumulative = new double[words.length];
            double sum = 0;
            for (int rank = 1; rank <= words.length; rank++) {
                sum += 1 / Math.pow(rank, 1.07);
                cumulative[rank - 1] = sum;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= sum;
            }
        }

        String next(Random random) {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return words[Math.min(words.length - 1, index >= 0 ? index : -index - 1)];
        }
    }

    private static final Vocabulary[] VOCABULARIES = {
            new Vocabulary("the of and to in a is for with on that by as this are from it we be an".split(" "), FILLERS[0],
                    "ta ro lin ex per con ment tion able ing ver sub pro ca de mi ly ness or al".split(" "), 1),
            new Vocabulary("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als".split(" "), FILLERS[1],
                    "ver ung keit sch ge be lich ent heit ein aus st ber gen ner dor wal kin ter ch".split(" "), 2),
            new Vocabulary("de la le et les des en un du une que est pour qui dans par sur au avec ce".split(" "), FILLERS[2],
                    "eau tion ment re con ieur eur ais que lle pré dé par ten sse ron gne ile ois ité".split(" "), 3)};

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String limit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
