package eu.aiskills.academy.labs.internal.kernel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One kernel of a Jupyter Server, through the server's REST API (start, interrupt, restart,
 * shut down) and its kernel WebSocket ({@code /api/kernels/<id>/channels}, the JSON form of the
 * Jupyter messaging protocol 5.3): {@code execute_request} on the shell channel, and the replies,
 * streams, results, displays, errors and status on iopub, matched to the request by
 * {@code parent_header.msg_id}.
 * <p>Long because one execution is a single exchange over the messaging protocol: the request, the
 * matching of every reply to it, and the time limits.
 */
public final class KernelClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KernelClient.class);
    /** Outputs larger than this (one message) are refused: a plot is a few hundred kilobytes. */
    static final int MAX_MESSAGE_CHARS = 16 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_MESSAGE_CHARS).build()).build()).build();

    private final URI server;
    private final String token;
    private final String kernelId;
    private final String session = UUID.randomUUID().toString();
    private final HttpClient http;
    private final Map<String, Run> running = new ConcurrentHashMap<>();
    /** Requests other than execute (complete, inspect) waiting for their reply, by message id. */
    private final Map<String, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<InputWait> waitingInput = new java.util.concurrent.atomic.AtomicReference<>();
    private volatile WebSocket socket;
    private volatile String executionState = "starting";

    private KernelClient(URI server, String token, String kernelId, HttpClient http) {
        this.server = server;
        this.token = token;
        this.kernelId = kernelId;
        this.http = http;
    }

    /**
     * Waits until a Jupyter Server answers {@code /api/status} with the token, trying every 100 ms.
     * {@code server} answers where it is, or {@code null} while it cannot be reached yet; {@code check}
     * runs before each try and throws when waiting is pointless (the server's process died);
     * {@code timedOut} says why when the time is up.
     */
    public static void awaitServer(java.util.function.Supplier<URI> server, String token, Duration timeout, Runnable check,
                                   java.util.function.Supplier<String> timedOut) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            check.run();
            URI address = server.get();
            if (address != null) {
                try {
                    HttpResponse<Void> status = http.send(HttpRequest.newBuilder(address.resolve("/api/status"))
                            .timeout(Duration.ofSeconds(3)).header("Authorization", "token " + token).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (status.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not answering yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(timedOut.get());
    }

    /** Starts a kernel of the given kernelspec on the server and connects to it. */
    public static KernelClient start(URI server, String token, String kernelName, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ObjectNode body = JSON.createObjectNode().put("name", kernelName);
        JsonNode kernel = send(http, HttpRequest.newBuilder(server.resolve("/api/kernels")).timeout(timeout)
                .header("Authorization", "token " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        KernelClient client = new KernelClient(server, token, kernel.path("id").asString(), http);
        client.connect(timeout);
        return client;
    }

    private void connect(Duration timeout) {
        URI ws = URI.create(server.toString().replaceFirst("^http", "ws") + "/api/kernels/" + kernelId + "/channels?session_id=" + session);
        socket = http.newWebSocketBuilder().connectTimeout(timeout).header("Authorization", "token " + token)
                .buildAsync(ws, new Listener()).orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
    }

    public String kernelId() {
        return kernelId;
    }

    /** The kernel's last reported state: starting, idle, busy, restarting, dead. */
    public String executionState() {
        return executionState;
    }

    /**
     * Runs code; every output is passed to {@code onOutput} as it arrives (on the WebSocket's
     * thread), and the returned future completes when the kernel is idle again after it, with every
     * output. The code cannot read input: {@code input()} raises at once.
     */
    public CompletableFuture<Execution> execute(String code, Consumer<KernelOutput> onOutput) {
        return execute(code, onOutput, false);
    }

    /**
     * Runs code as {@link #execute(String, Consumer)} does; {@code interactive} is a learner at the
     * page: {@code input()} and {@code getpass} send an {@link KernelOutput.InputRequest} and wait for
     * {@link #answer}, and the outputs are only passed on (the returned {@link Execution} holds none:
     * the caller keeps what it shows, within its own bounds, and a cell printing without end does not
     * pile up messages here).
     */
    public CompletableFuture<Execution> execute(String code, Consumer<KernelOutput> onOutput, boolean interactive) {
        String msgId = UUID.randomUUID().toString();
        Run run = new Run(onOutput, !interactive);
        running.put(msgId, run);
        ObjectNode content = JSON.createObjectNode().put("code", code).put("silent", false).put("store_history", true)
                .put("allow_stdin", interactive).put("stop_on_error", true);
        content.putObject("user_expressions");
        try {
            send(msgId, "execute_request", content, "shell", null);
        } catch (KernelException e) {
            // The connection is gone: the run ends as a dead kernel's would, and the session says why.
            log.warn("Kernel {}: {}", kernelId, e.getMessage());
            run.end("dead", 0);
        }
        return run.done.whenComplete((result, failure) -> {
            running.remove(msgId);
            // A run that ended (interrupted, restarted) no longer waits for its input.
            waitingInput.updateAndGet(wait -> wait != null && msgId.equals(wait.runId()) ? null : wait);
        });
    }

    /**
     * Answers the kernel's {@code input_request} with the line typed ({@code input_reply} on the
     * stdin channel); the prompt and the answer (masked for a password) are added to the cell's
     * output, as a notebook shows them. Returns false when no input is awaited.
     */
    public boolean answer(String value) {
        InputWait wait = waitingInput.getAndSet(null);
        if (wait == null) {
            return false;
        }
        send(UUID.randomUUID().toString(), "input_reply", JSON.createObjectNode().put("value", value), "stdin", wait.header());
        Run run = running.get(wait.runId());
        if (run != null) {
            run.output(new KernelOutput.Stream("stdout", wait.prompt() + (wait.password() ? "········" : value) + "\n"));
        }
        return true;
    }

    /** An {@code input_request} not answered yet: the request's header (the reply's parent) and the run it belongs to. */
    private record InputWait(String runId, JsonNode header, String prompt, boolean password) {
    }

    /**
     * What the kernel offers to complete at {@code cursor} (a UTF-16 index into {@code code}, as a
     * browser's editor counts): its matches and the range of {@code code} they replace. The shell
     * channel answers in turn, so while a cell runs the answer waits for it (or for the timeout).
     */
    public CompletableFuture<Completion> complete(String code, int cursor, Duration timeout) {
        ObjectNode content = JSON.createObjectNode().put("code", code).put("cursor_pos", code.codePointCount(0, cursor));
        return request("complete_request", content, timeout).thenApply(reply -> {
            List<String> matches = new ArrayList<>();
            reply.path("matches").forEach(match -> matches.add(match.asString("")));
            int length = code.codePointCount(0, code.length());
            int start = Math.clamp(reply.path("cursor_start").asInt(cursor), 0, length);
            int end = Math.clamp(reply.path("cursor_end").asInt(cursor), start, length);
            return new Completion(matches, code.offsetByCodePoints(0, start), code.offsetByCodePoints(0, end));
        });
    }

    /** The kernel's help on the name at {@code cursor} (Shift+Tab), as plain text; empty if it has none. */
    public CompletableFuture<String> inspect(String code, int cursor, Duration timeout) {
        ObjectNode content = JSON.createObjectNode().put("code", code).put("cursor_pos", code.codePointCount(0, cursor))
                .put("detail_level", 0);
        return request("inspect_request", content, timeout).thenApply(reply -> reply.path("found").asBoolean(false)
                ? eu.aiskills.academy.shared.Notebook.plain(reply.path("data").path("text/plain").asString("")) : "");
    }

    /** A completion: what may replace {@code code[from, to)} (UTF-16 indexes). */
    public record Completion(List<String> matches, int from, int to) {
    }

    private CompletableFuture<JsonNode> request(String type, ObjectNode content, Duration timeout) {
        String msgId = UUID.randomUUID().toString();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(msgId, reply);
        try {
            send(msgId, type, content, "shell", null);
        } catch (KernelException e) {
            reply.completeExceptionally(e);
        }
        return reply.orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .whenComplete((answer, failure) -> replies.remove(msgId));
    }

    /**
     * One message on a channel (shell, or stdin for an input's reply) in the Jupyter messaging
     * protocol 5.3, over the server's WebSocket. A WebSocket takes one message at a time: a run and
     * a completion may be sent from two threads.
     */
    private synchronized void send(String msgId, String type, ObjectNode content, String channel, JsonNode parent) {
        ObjectNode message = JSON.createObjectNode();
        ObjectNode header = message.putObject("header");
        header.put("msg_id", msgId).put("username", "learner").put("session", session)
                .put("date", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).put("msg_type", type).put("version", "5.3");
        if (parent == null) {
            message.putObject("parent_header");
        } else {
            message.set("parent_header", parent);
        }
        message.putObject("metadata");
        message.set("content", content);
        message.put("channel", channel);
        message.putArray("buffers");
        try {
            socket.sendText(JSON.writeValueAsString(message), true).orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new KernelException("The kernel's connection did not take the message: " + e.getCause(), e);
        }
    }

    /** Interrupts what the kernel is running (SIGINT to the kernel process). */
    public void interrupt() {
        send(http, request("/interrupt").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Restarts the kernel: its variables are gone, the notebook stays. Runs in progress end as "interrupted". */
    public void restart(Duration timeout) {
        send(http, request("/restart").timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build());
        running.values().forEach(run -> run.end("interrupted", 0));
    }

    private HttpRequest.Builder request(String action) {
        return HttpRequest.newBuilder(server.resolve("/api/kernels/" + kernelId + action)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "token " + token);
    }

    private static JsonNode send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new KernelException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                        + ": " + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new KernelException("The lab's server does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelException("Interrupted", e);
        }
    }

    /** Shuts the kernel down and closes the connection. */
    @Override
    public void close() {
        running.values().forEach(run -> run.end("dead", 0));
        replies.values().forEach(reply -> reply.completeExceptionally(new KernelException("The kernel was shut down")));
        try {
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS);
            }
            send(http, request("").timeout(Duration.ofSeconds(5)).DELETE().build());
        } catch (RuntimeException e) {
            log.debug("Kernel {} was already gone: {}", kernelId, e.toString());
        }
    }

    private void onMessage(JsonNode message) {
        String type = message.path("header").path("msg_type").asString("");
        String parent = message.path("parent_header").path("msg_id").asString("");
        JsonNode content = message.path("content");
        if ("status".equals(type)) {
            executionState = content.path("execution_state").asString(executionState);
            if ("restarting".equals(executionState) || "dead".equals(executionState)) {
                // The kernel died (killed by a limit, or crashed): what it was running never replies.
                running.values().forEach(run -> run.end("dead", 0));
                return;
            }
        }
        CompletableFuture<JsonNode> waiting = type.endsWith("_reply") ? replies.get(parent) : null;
        if (waiting != null) {
            waiting.complete(content);
            return;
        }
        Run run = running.get(parent);
        if (run == null) {
            return;
        }
        switch (type) {
            case "stream" -> run.output(new KernelOutput.Stream(content.path("name").asString("stdout"), content.path("text").asString("")));
            case "execute_result" -> run.output(new KernelOutput.Result(content.path("execution_count").asInt(0), data(content)));
            case "display_data", "update_display_data" -> run.output(new KernelOutput.Display(data(content),
                    content.path("transient").path("display_id").asString(null), "update_display_data".equals(type)));
            case "clear_output" -> run.output(new KernelOutput.Clear(content.path("wait").asBoolean(false)));
            case "input_request" -> {
                String prompt = content.path("prompt").asString("");
                boolean password = content.path("password").asBoolean(false);
                waitingInput.set(new InputWait(parent, message.path("header"), prompt, password));
                run.output(new KernelOutput.InputRequest(prompt, password));
            }
            case "error" -> {
                List<String> traceback = new ArrayList<>();
                content.path("traceback").forEach(line -> traceback.add(line.asString("")));
                run.output(new KernelOutput.Error(content.path("ename").asString(""), content.path("evalue").asString(""), traceback));
            }
            case "execute_reply" -> run.reply(content.path("status").asString("ok"), content.path("execution_count").asInt(0));
            case "status" -> {
                if ("idle".equals(content.path("execution_state").asString(""))) {
                    run.idle();
                }
            }
            default -> {
                // execute_input and the rest: nothing to show.
            }
        }
    }

    private static Map<String, String> data(JsonNode content) {
        Map<String, String> data = new LinkedHashMap<>();
        content.path("data").properties().forEach(e -> data.put(e.getKey(),
                e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
        return data;
    }

    /** One execution in flight: its outputs (when kept), its reply, and whether the kernel went idle after it. */
    private static final class Run {

        private final Consumer<KernelOutput> onOutput;
        private final boolean keep;
        private final List<KernelOutput> outputs = new ArrayList<>();
        private final CompletableFuture<Execution> done = new CompletableFuture<>();
        private String status;
        private int count;
        private boolean idle;

        Run(Consumer<KernelOutput> onOutput, boolean keep) {
            this.onOutput = onOutput;
            this.keep = keep;
        }

        synchronized void output(KernelOutput output) {
            if (keep) {
                outputs.add(output);
            }
            try {
                onOutput.accept(output);
            } catch (RuntimeException e) {
                log.warn("An output listener failed", e);
            }
        }

        synchronized void reply(String status, int count) {
            this.status = status;
            this.count = count;
            finishIfDone();
        }

        synchronized void idle() {
            idle = true;
            finishIfDone();
        }

        private void finishIfDone() {
            if (status != null && idle) {
                done.complete(new Execution(status, count, outputs));
            }
        }

        synchronized void end(String status, int count) {
            done.complete(new Execution(status, count, outputs));
        }
    }

    /** Reassembles fragmented text frames and hands whole messages on. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (partial.length() > MAX_MESSAGE_CHARS) {
                log.warn("Kernel {} sent a message over {} characters; dropped", kernelId, MAX_MESSAGE_CHARS);
                partial.setLength(0);
            } else if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(JSON.readTree(text));
                } catch (RuntimeException e) {
                    log.warn("Kernel {}: unreadable message: {}", kernelId, e.toString());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            executionState = "dead";
            running.values().forEach(run -> run.end("dead", 0));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            executionState = "dead";
            running.values().forEach(run -> run.end("dead", 0));
        }
    }
}
