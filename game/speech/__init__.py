"""Self-voicing ("Read aloud"): the game speaks what a sighted pupil reads.

Rule of the package: the game thread never waits on speech. ``speaker.Speaker`` owns one
thread that alone touches the speech engine (a backend module each: speech-dispatcher,
spd-say, espeak-ng, macOS ``say``, accessible-output2, pyttsx3; ``choose`` tries them in
order and says why none works). ``announce`` decides what is said (screen entry, focus,
live texts, cues, notices) from the scene stack and the top scene, without any scene
calling it; ``texts`` knows where each screen keeps the words it shows. Nothing here runs
at import time; optional engines are imported only when speech is first wanted.
"""
