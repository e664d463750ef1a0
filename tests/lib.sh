# Shared helpers for the shell tests (sourced).

# cpu_ms FILE: write to FILE the CPU time (user + system, in ms) used so far
# by this shell's finished children. Time bounds in the tests are on CPU
# time, which a loaded machine does not stretch as it stretches wall time.
# It must run in the test's own shell (never inside $(...), which would ask
# a subshell), hence the file.
cpu_ms() {
	times >"$1.times"
	awk 'NR == 2 {
		split($1, u, "m"); split($2, s, "m")
		printf "%d\n", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' \
	    "$1.times" >"$1"
	rm -f "$1.times"
}

# timed_ms START END: milliseconds between two cpu_ms files.
timed_ms() {
	echo $(( $(cat "$2") - $(cat "$1") ))
}
