/**
 * Assessment: question banks, quizzes and learners' attempts. The root is the API
 * ({@code Quizzes}, the question kinds in {@code Question}, what an attempt presents in
 * {@code Paper}); {@code internal} holds the quiz store, the content import and the deadline
 * sweep; {@code ui} the quiz page and the lesson page's quiz section (ADR 0020).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package eu.aiskills.academy.assessment;
